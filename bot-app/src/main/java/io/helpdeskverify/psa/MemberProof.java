package io.helpdeskverify.psa;

/**
 * What ConnectWise Manage's Hosted API hands a pod ({@code getMemberAuthentication}): claims of the
 * browser, proven only when ConnectWise accepts the hash as the member's credential.
 */
public record MemberProof(String companyId, String memberId, String memberHash, String memberContext) {

    public MemberProof {
        companyId = companyId == null ? "" : companyId.strip();
        memberId = memberId == null ? "" : memberId.strip();
        memberHash = memberHash == null ? "" : memberHash.strip();
        memberContext = memberContext == null ? "" : memberContext.strip();
    }

    @Override
    public String toString() {
        return "MemberProof[companyId=" + companyId + ", memberId=" + memberId + ", hash and context hidden]";
    }
}
