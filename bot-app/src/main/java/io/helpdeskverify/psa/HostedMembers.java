package io.helpdeskverify.psa;

import java.util.Optional;

/**
 * The port that confirms a member of the PSA from what its hosted page was handed. ConnectWise only:
 * Autotask gives a LiveLink nothing to prove who opened it.
 */
public interface HostedMembers {

    /**
     * Asks the PSA, with the member's hash as their credential, who they are.
     *
     * @return empty when the PSA refuses the proof (wrong hash, another company, an inactive member)
     * @throws PsaException when the PSA cannot answer
     */
    Optional<PodMember> confirm(MemberProof proof);
}
