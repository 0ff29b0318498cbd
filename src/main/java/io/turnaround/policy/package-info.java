/**
 * The support policy: the DRL/BPMN bundle, its compiler, checks and scenarios, its versions, audit and deployment,
 * and the active version that decides new tickets. {@code facts/} is the contract with the DRL; {@code sandbox/}
 * checks policy code before it runs. It deploys through its own port ({@link io.turnaround.policy.PolicyDeployer})
 * and knows no feature that uses it.
 */
package io.turnaround.policy;
