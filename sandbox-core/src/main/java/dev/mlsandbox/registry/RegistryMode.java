package dev.mlsandbox.registry;

/**
 * Which registry behaviour to follow. {@link #UNITY_CATALOG} (the default) has three-level names,
 * aliases and no stages, and refuses models without a signature; {@link #WORKSPACE} is the older
 * workspace model registry (one-level names, stages None/Staging/Production/Archived).
 */
public enum RegistryMode {
    UNITY_CATALOG,
    WORKSPACE;

    public boolean unityCatalog() {
        return this == UNITY_CATALOG;
    }
}
