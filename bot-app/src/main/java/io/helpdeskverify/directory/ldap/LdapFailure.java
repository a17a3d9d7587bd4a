package io.helpdeskverify.directory.ldap;

/** Why a domain controller could not be used, in words: what is wrong and what to change. */
class LdapFailure extends RuntimeException {

    private final String fix;

    LdapFailure(String problem, String fix) {
        super(problem, null, false, false);
        this.fix = fix;
    }

    String problem() {
        return getMessage();
    }

    String fix() {
        return fix;
    }

    /** One line for a sync report. */
    String describe() {
        return "Active Directory: " + problem() + " " + fix;
    }
}
