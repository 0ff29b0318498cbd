/**
 * What every controller shares: security (who may call which path), the headers of every response, sign-in, and the
 * problem bodies of every feature's errors. It owns no table, and nothing depends on it.
 */
package io.turnaround.web;
