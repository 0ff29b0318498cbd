/**
 * Rolling out a policy change: the policy page (upload, versions, their files and audit, activate and roll back) and the
 * impact preview, which replays the latest real tickets through a candidate version. It reads tickets and clients and
 * drives the policy's deployments; nothing depends on it.
 */
package io.turnaround.rollout;
