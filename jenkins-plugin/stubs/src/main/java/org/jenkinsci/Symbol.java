// Signature stub (compile check only, never shipped) of jenkinsci/lib-symbol-annotation: src/main/java/org/jenkinsci/Symbol.java
package org.jenkinsci;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({java.lang.annotation.ElementType.TYPE})
public @interface Symbol {
    String[] value();
}
