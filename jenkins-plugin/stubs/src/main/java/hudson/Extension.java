// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/Extension.java
package hudson;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target({java.lang.annotation.ElementType.TYPE, java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.METHOD})
public @interface Extension {}
