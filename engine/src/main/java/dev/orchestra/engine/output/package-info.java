/**
 * What Orchestra writes, made safe from what it was given: secrets redacted, control characters stripped, and
 * Markdown that the ticket, the repository or the model cannot reshape.
 */
package dev.orchestra.engine.output;
