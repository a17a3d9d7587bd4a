package io.helpdeskverify.chat;

import io.helpdeskverify.directory.InviteChannel;
import io.helpdeskverify.psa.PsaProvider;
import io.helpdeskverify.verification.Method;
import java.util.Objects;
import java.util.Optional;

/** What a technician asked for, parsed from {@code /verify …} (Slack) or {@code verify …} (Teams). */
public sealed interface ChatCommand permits ChatCommand.Verify, ChatCommand.VerifyMe, ChatCommand.VerifyTicket, ChatCommand.Events,
        ChatCommand.Sync, ChatCommand.LiveLinkCode, ChatCommand.Enrol, ChatCommand.Help {

    /** {@code user@customer}: the user part as typed, the customer as a slug or an email domain. */
    record Target(String user, String customer) {
        public Target {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(customer, "customer");
        }

        @Override
        public String toString() {
            return user + "@" + customer;
        }
    }

    record Verify(Target target, Optional<Method> method) implements ChatCommand {}

    /**
     * {@code verify me to <user>@<customer>}: the reverse check. The user gets a code (app, else SMS,
     * else email) and the technician's name, the technician sees the same code and reads it out, and
     * the user says whether it matches. No method flag: the ladder picks the channel.
     */
    record VerifyMe(Target target) implements ChatCommand {}

    /**
     * {@code verify ticket [cw|at] <ticket> [=username] [--method]}: the contact of a PSA ticket.
     *
     * @param provider the PSA named, if any ({@code cw}/{@code connectwise}, {@code at}/{@code autotask})
     * @param chosen a username picked from the ticket contact's matches
     */
    record VerifyTicket(Optional<PsaProvider> provider, String ticket, Optional<String> chosen,
                        Optional<Method> method) implements ChatCommand {
        public VerifyTicket {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    record Events(Target target) implements ChatCommand {}

    /** {@code sync <customer>}: an admin asks for a directory sync from Microsoft 365 now. */
    record Sync(String customer) implements ChatCommand {}

    /** {@code livelink}: a one-time code for the ticket page an Autotask LiveLink opens, told only to the asker. */
    record LiveLinkCode() implements ChatCommand {}

    /**
     * {@code enrol <user>@<customer> [--sms|--email]}: send the user a one-time link to the self-serve
     * app, to their directory contact; without a flag by SMS when they have a mobile, else by email.
     */
    record Enrol(Target target, Optional<InviteChannel> via) implements ChatCommand {}

    /** Usage help; {@code problem} says what was wrong with the input, empty when help was asked for. */
    record Help(Optional<String> problem) implements ChatCommand {}
}
