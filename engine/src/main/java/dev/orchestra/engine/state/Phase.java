package dev.orchestra.engine.state;

/** The phases of a run, in order. Each ends in a persisted state. */
public enum Phase { INGEST, PLAN, BASELINE, DELEGATE, INTEGRATE, VALIDATE, FINALIZE, DONE }
