// Signature stub (compile check only, never shipped) of jenkinsci/jenkins: core/src/main/java/hudson/model/Item.java
package hudson.model;

public interface Item extends hudson.security.AccessControlled {
    hudson.security.Permission EXTENDED_READ = null;
    String getFullName();
}
