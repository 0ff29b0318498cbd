package io.turnaround.policy;

/**
 * The process engine as the policy sees it: it runs the processes of the policy versions deployed to it. The policy
 * decides which versions are deployed and when; the engine's side ({@code workflow}) implements this.
 */
public interface PolicyDeployer {

    /** Deploys a compiled policy version (its KJAR is already in the KIE repository); does nothing if deployed. */
    void deploy(int policyVersion);

    boolean isDeployed(int policyVersion);

    /** Whether a process instance of that policy version still runs (a ticket's work, its timers, a quote). */
    boolean hasLiveInstances(int policyVersion);

    /**
     * Takes a policy version out of the engine, letting go of its compiled processes; does nothing if it is not
     * deployed. The caller makes sure that none of its instances runs ({@link #hasLiveInstances}).
     */
    void undeploy(int policyVersion);
}
