// Signature stub (compile check only, never shipped) of spring-projects/spring-security: core/src/main/java/org/springframework/security/core/Authentication.java
package org.springframework.security.core;

public interface Authentication extends java.io.Serializable {}
