package io.fibonacci.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out the modules' test jars (such as {@code fibonacci-domain-…-tests.jar}, which the
 * presentation tests use for shared fixtures); {@link ImportOption.DoNotIncludeTests} only knows
 * test class folders.
 */
public final class DoNotIncludeTestJars implements ImportOption {

  @Override
  public boolean includes(Location location) {
    return !location.contains("-tests.jar");
  }
}
