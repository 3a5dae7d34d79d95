// Signature stub (compile check only, never shipped) of jenkinsci/stapler: core/src/main/java/org/kohsuke/stapler/QueryParameter.java
package org.kohsuke.stapler;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
public @interface QueryParameter {
    String value() default "";
}
