package io.turnaround.policy.sandbox;

/** Policy code that may not run: it names something not on the allow-list, or is written in a form not checked. */
class CodeRefusedException extends RuntimeException {

    CodeRefusedException(String message) {
        super(message);
    }

    static CodeRefusedException forbidden(String name) {
        return new CodeRefusedException(PolicyCodeError.MESSAGE + name);
    }
}
