package io.turnaround.policy;

public class PolicyVersionNotFoundException extends RuntimeException {

    public PolicyVersionNotFoundException(int number) {
        super("no policy version " + number);
    }
}
