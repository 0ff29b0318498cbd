/** The facts the policy rules (rules/*.drl) read and decide: the contract between the DRL and the Java code. */
package io.turnaround.policy.facts;
