package io.turnaround.policy;

import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mail templates of each stored policy version, read once per version: a ticket's mail is written from the
 * templates of the version that decided it, as its promise was.
 */
@Component
public class PolicyTemplates {

    private final PolicyVersions versions;
    private final Map<Integer, Map<MailTemplateName, MailTemplate>> byVersion = new ConcurrentHashMap<>();

    PolicyTemplates(PolicyVersions versions) {
        this.versions = versions;
    }

    /**
     * The template of that version; empty only for a version stored before mail templates were part of the policy
     * (every later one passed the check that they are there).
     */
    public Optional<MailTemplate> of(int policyVersion, MailTemplateName name) {
        return Optional.ofNullable(byVersion.computeIfAbsent(policyVersion, this::read).get(name));
    }

    private Map<MailTemplateName, MailTemplate> read(int policyVersion) {
        Map<String, String> files = versions.bundle(policyVersion).files();
        Map<MailTemplateName, MailTemplate> templates = new EnumMap<>(MailTemplateName.class);
        for (MailTemplateName name : MailTemplateName.values()) {
            String text = files.get(name.path());
            if (text != null) {
                templates.put(name, MailTemplate.parse(text));
            }
        }
        return templates;
    }
}
