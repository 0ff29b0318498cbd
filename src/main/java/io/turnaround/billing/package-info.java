/** Entitlements in money: logged time, the monthly hours bank, what the policy charges, and the monthly statement. */
package io.turnaround.billing;
