// Signature stub (compile check only, never shipped) of jenkinsci/stapler: core/src/main/java/org/kohsuke/stapler/verb/POST.java
package org.kohsuke.stapler.verb;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
public @interface POST {}
