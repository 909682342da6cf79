"""Hook implementations of the policy plugin (registered under the entry-point group `unioncore`)."""
