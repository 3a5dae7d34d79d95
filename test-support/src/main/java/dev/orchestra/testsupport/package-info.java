/** Real parts for Orchestra's tests: a scripted model server on loopback and sample repositories. */
package dev.orchestra.testsupport;
