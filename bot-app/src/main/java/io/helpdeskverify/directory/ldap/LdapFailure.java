package io.helpdeskverify.directory.ldap;

/** Why a domain controller could not be used, in words: what is wrong and what to change. */
public class LdapFailure extends RuntimeException {

    private final String fix;

    LdapFailure(String problem, String fix) {
        super(problem, null, false, false);
        this.fix = fix;
    }

    public String problem() {
        return getMessage();
    }

    public String fix() {
        return fix;
    }

    /** One line for a sync report. */
    public String describe() {
        return "Active Directory: " + problem() + " " + fix;
    }
}
