package io.turnaround.policy;

/** Where a single uploaded file belongs in the bundle, by its extension. */
final class PolicyFilePaths {

    private PolicyFilePaths() {
    }

    static String forUpload(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.endsWith(".drl")) {
            return "rules/" + name;
        }
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn2")) {
            return "processes/" + name;
        }
        if (name.endsWith(".calendar") || name.endsWith(".ics")) {
            return "rules/calendars/" + name;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return "rules/scenarios/" + name;
        }
        if (name.endsWith(".txt")) {
            return MailTemplateName.FOLDER + name;
        }
        throw new InvalidPolicyUploadException("'" + name + "' is not a policy file: upload .drl, .bpmn, .calendar, .ics,"
                + " scenario .yaml or mail template .txt files, or name the part after the file's path in the bundle");
    }
}
