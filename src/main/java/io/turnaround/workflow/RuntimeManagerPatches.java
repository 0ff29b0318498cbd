package io.turnaround.workflow;

import org.drools.core.SessionConfigurationImpl;
import org.drools.reflective.classloader.ProjectClassLoader;
import org.jbpm.runtime.manager.impl.SimpleRuntimeEnvironment;
import org.jbpm.runtime.manager.impl.factory.JPASessionFactory;
import org.jbpm.springboot.services.SpringRegisterableItemsFactory;
import org.kie.api.KieBase;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.manager.RegisterableItemsFactory;
import org.kie.api.runtime.manager.RuntimeEnvironment;
import org.kie.api.runtime.manager.RuntimeManager;
import org.kie.api.task.UserGroupCallback;
import org.kie.api.task.UserInfo;
import org.kie.internal.runtime.conf.ForceEagerActivationOption;
import org.kie.internal.runtime.manager.SessionFactory;
import org.kie.internal.utils.ChainedProperties;
import org.kie.spring.manager.SpringRuntimeManagerFactoryImpl;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Swaps the runtime manager factory jBPM's auto-configuration made (keeping its settings) for one with two fixes:
 * <ul>
 * <li><b>Session configuration read once.</b> With one engine session per process instance, jBPM creates or loads a
 * session for every ticket, task action and timer, and builds a new session configuration for each: that build
 * searches every jar on the class path for {@code META-INF/kie.properties.conf}, {@code drools.properties.conf} and
 * {@code kie.default.properties.conf} and reads what it finds: about a tenth of the server's CPU per ticket when it
 * runs from its jar. The factory reads those files once per deployment and gives each session its own copy of them,
 * configured as jBPM configures it ({@code SimpleRuntimeEnvironment.getConfiguration}).</li>
 * <li><b>No race over handlers.</b> It fills jBPM's Spring lookup of work item handlers and listeners before any engine
 * of a deployment exists (see {@link #lookUpHandlersAndListeners}).</li>
 * </ul>
 */
@Component
class RuntimeManagerPatches implements BeanPostProcessor {

    private final ApplicationContext context;

    RuntimeManagerPatches(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean.getClass() != SpringRuntimeManagerFactoryImpl.class) {
            return bean;
        }
        SpringRuntimeManagerFactoryImpl configured = (SpringRuntimeManagerFactoryImpl) bean;
        CachingRuntimeManagerFactory factory = new CachingRuntimeManagerFactory(context);
        factory.setTransactionManager(configured.getTransactionManager());
        factory.setUserGroupCallback(configured.getUserGroupCallback());
        factory.setUserInfo(configured.getUserInfo());
        factory.setEntityManager(configured.getEntityManager());
        factory.setPessimisticLocking(configured.isPessimisticLocking());
        factory.setSchedulerService(configured.getSchedulerService());
        return factory;
    }

    private static final class CachingRuntimeManagerFactory extends SpringRuntimeManagerFactoryImpl {

        CachingRuntimeManagerFactory(ApplicationContext context) {
            super(context);
        }

        @Override
        public RuntimeManager newPerProcessInstanceRuntimeManager(RuntimeEnvironment environment, String identifier) {
            lookUpHandlersAndListeners(environment.getRegisterableItemsFactory());
            return super.newPerProcessInstanceRuntimeManager(environment, identifier);
        }

        @Override
        protected SessionFactory getSessionFactory(RuntimeEnvironment environment, String owner) {
            if (environment.usePersistence() && environment instanceof SimpleRuntimeEnvironment simple) {
                return new JPASessionFactory(new ConfiguredOnce(simple), owner);
            }
            return super.getSessionFactory(environment, owner);
        }
    }

    /**
     * jBPM's Spring factory looks its work item handlers and listeners up in the application context the first time an
     * engine asks, with a broken double-checked lock: it publishes the empty map before filling it. When a server
     * starts with overdue timers, several timer threads make engines at once, and one that loses the race gets no
     * handlers ("Could not find work item handler for Escalate") or no listeners. Filling them here, before the
     * deployment's first engine, leaves nothing to race over. The fill methods are protected, hence reflection.
     */
    private static void lookUpHandlersAndListeners(RegisterableItemsFactory items) {
        if (!(items instanceof SpringRegisterableItemsFactory)) {
            return;
        }
        for (String fill : List.of("processHandlers", "processProcessEventListeners", "processAgendaEventListeners",
                "processRuleRuntimeEventListeners", "processTaskEventListeners")) {
            try {
                Method method = SpringRegisterableItemsFactory.class.getDeclaredMethod(fill);
                method.setAccessible(true);
                method.invoke(items);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot fill jBPM's Spring lookup with " + fill, e);
            }
        }
    }

    /** A deployment's environment whose session configurations share one reading of the configuration files. */
    static final class ConfiguredOnce implements RuntimeEnvironment {

        private final SimpleRuntimeEnvironment environment;
        private volatile ChainedProperties files;

        ConfiguredOnce(SimpleRuntimeEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public KieSessionConfiguration getConfiguration() {
            if (files == null) {
                files = ChainedProperties.getChainedProperties(sessionClassLoader());
            }
            // A copy each: the configuration adds the deployment's own properties to the chain it is given.
            KieSessionConfiguration configuration = new SessionConfigurationImpl(
                    environment.getSessionConfigProperties(), environment.getClassLoader(), files.clone());
            configuration.setOption(ForceEagerActivationOption.YES);
            return configuration;
        }

        /** The class loader a session configuration reads its files through, as it picks it. */
        private ClassLoader sessionClassLoader() {
            ClassLoader loader = environment.getClassLoader();
            return loader instanceof ProjectClassLoader ? loader
                    : ProjectClassLoader.getClassLoader(loader, SessionConfigurationImpl.class, false);
        }

        @Override
        public KieBase getKieBase() {
            return environment.getKieBase();
        }

        @Override
        public Environment getEnvironment() {
            return environment.getEnvironment();
        }

        @Override
        public boolean usePersistence() {
            return environment.usePersistence();
        }

        @Override
        public RegisterableItemsFactory getRegisterableItemsFactory() {
            return environment.getRegisterableItemsFactory();
        }

        @Override
        public UserGroupCallback getUserGroupCallback() {
            return environment.getUserGroupCallback();
        }

        @Override
        public UserInfo getUserInfo() {
            return environment.getUserInfo();
        }

        @Override
        public ClassLoader getClassLoader() {
            return environment.getClassLoader();
        }

        @Override
        public void close() {
            environment.close();
        }
    }
}
