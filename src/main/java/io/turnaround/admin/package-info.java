/** The admins' pages: staff accounts, their groups next to the policy's use of them, and the audit of every change. */
package io.turnaround.admin;
