package dev.mlsandbox.governance;

/**
 * What a principal wants to do to a securable, and what Unity Catalog requires for it (on top of
 * USE CATALOG and USE SCHEMA on the enclosing levels, which every action needs).
 */
public enum Action {
    /** Read a model's metadata, versions and aliases, and load it: EXECUTE on the model. */
    READ_MODEL("read or load", Privilege.EXECUTE, false),
    /** Create a registered model in a schema: CREATE MODEL on the schema. */
    CREATE_MODEL("create a model in", Privilege.CREATE_MODEL, false),
    /** Create versions, set or delete aliases, edit the description, rename: the model's owner. */
    MODIFY_MODEL("modify (versions, aliases, description, name)", null, false),
    /** Delete a model or a version: the owner, or MANAGE. */
    DELETE_MODEL("delete", Privilege.MANAGE, true),
    /** Set or delete tags: APPLY TAG. */
    APPLY_TAG("tag", Privilege.APPLY_TAG, false),
    /** Grant, revoke or change the owner: the owner, the owner of an enclosing catalog/schema, or MANAGE. */
    MANAGE_GRANTS("manage privileges on", Privilege.MANAGE, true),
    /** Create a schema in a catalog: CREATE SCHEMA on the catalog (and USE CATALOG, as every action). */
    CREATE_SCHEMA("create a schema in", Privilege.CREATE_SCHEMA, false),
    /** Create a catalog: CREATE CATALOG on the metastore (metastore admins hold it by default). */
    CREATE_CATALOG("create a catalog in", Privilege.CREATE_CATALOG, false),
    /** See that the securable exists (list, search): only the USE privileges. */
    USE("use", null, false);

    private final String verb;
    private final Privilege privilege;
    private final boolean ownerAlternative;

    Action(String verb, Privilege privilege, boolean ownerAlternative) {
        this.verb = verb;
        this.privilege = privilege;
        this.ownerAlternative = ownerAlternative;
    }

    public String verb() {
        return verb;
    }

    /** The privilege that allows it besides ownership, or null when only the owner (or nothing more) counts. */
    public Privilege privilege() {
        return privilege;
    }

    /** True when ownership is an alternative to the privilege (MANAGE-style actions). */
    boolean ownerAlternative() {
        return ownerAlternative;
    }
}
