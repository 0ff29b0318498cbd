/**
 * The analysts' studio: workspaces that draft a policy's files in the browser, saved without losing anyone's work,
 * checked as they are typed, compared with any version and submitted as a new version through the upload's checks.
 * It drives the policy's drafts and deployments; nothing depends on it.
 */
package io.turnaround.studio;
