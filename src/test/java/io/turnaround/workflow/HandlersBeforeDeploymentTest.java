package io.turnaround.workflow;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.process.WorkItemHandler;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every work item handler exists before the engine deploys a policy: a new handler must be named there too. */
class HandlersBeforeDeploymentTest {

    @Test
    void theEngineWaitsForEveryWorkItemHandler() {
        List<String> handlers = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.turnaround").stream()
                .filter(c -> c.isAssignableTo(WorkItemHandler.class) && c.isAnnotatedWith(Component.class))
                .map(HandlersBeforeDeploymentTest::beanName).toList();

        assertThat(handlers).hasSizeGreaterThanOrEqualTo(4);
        assertThat(JbpmWorkflow.class.getAnnotation(DependsOn.class).value()).containsExactlyInAnyOrderElementsOf(handlers);
    }

    private static String beanName(JavaClass handler) {
        return handler.reflect().getAnnotation(Component.class).value();
    }
}
