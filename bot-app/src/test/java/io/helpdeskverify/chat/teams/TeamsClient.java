package io.helpdeskverify.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.testsupport.SharedFiles;
import java.util.Map;
import java.util.UUID;

/**
 * Posts activities shaped like the shared {@code teams_*} fixtures to {@code /api/messages}, as
 * Teams would, with the fake connector as their {@code serviceUrl}.
 */
final class TeamsClient {

    static final String TENANT = "50612dbb-0237-4969-b378-8d42590f9c00";
    static final String BOT = "28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final String serviceUrl;
    private String token;

    TeamsClient(int port, String serviceUrl) {
        this.api = new Api(port);
        this.serviceUrl = serviceUrl;
    }

    TeamsClient withToken(String token) {
        this.token = token;
        return this;
    }

    record Member(String id, String name) {
        static Member random(String name) {
            return new Member("29:" + UUID.randomUUID(), name);
        }
    }

    record Conversation(String id, String type) {
        static Conversation channel() {
            return new Conversation("19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2", "channel");
        }

        static Conversation groupChat() {
            return new Conversation("19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.v2", "groupChat");
        }

        static Conversation personal() {
            return new Conversation("a:" + UUID.randomUUID(), "personal");
        }
    }

    ObjectNode messageActivity(Member from, Conversation where, String text) {
        ObjectNode a = (ObjectNode) SharedFiles.fixtureJson("teams_channel_message_activity.json");
        a.put("id", Long.toString(System.nanoTime()));
        a.put("serviceUrl", serviceUrl);
        a.put("text", "<at>Helpdesk Verify</at> " + text);
        a.remove("attachments");
        address(a, from, where);
        return a;
    }

    Api.Response message(Member from, Conversation where, String text) {
        return post(messageActivity(from, where, text));
    }

    ObjectNode actionActivity(Member from, Conversation where, String verb, Map<String, String> data) {
        ObjectNode a = (ObjectNode) SharedFiles.fixtureJson("teams_adaptive_card_action_invoke.json");
        a.put("id", "f:" + UUID.randomUUID());
        a.put("serviceUrl", serviceUrl);
        ObjectNode action = a.with("value").with("action");
        action.put("verb", verb);
        action.put("title", verb);
        ObjectNode d = action.putObject("data");
        data.forEach(d::put);
        address(a, from, where);
        return a;
    }

    Api.Response action(Member from, Conversation where, String verb, String verificationId) {
        return post(actionActivity(from, where, verb, Map.of("verificationId", verificationId)));
    }

    ObjectNode extensionActivity(String name, Member from, Conversation where, Map<String, String> data) {
        ObjectNode a = (ObjectNode) SharedFiles.fixtureJson("teams_compose_extension_submit_action.json");
        a.remove("_comment");
        a.put("type", "invoke");
        a.put("channelId", "msteams");
        a.put("id", "f:" + UUID.randomUUID());
        a.put("name", name);
        a.put("serviceUrl", serviceUrl);
        ObjectNode value = a.with("value");
        value.put("commandId", "verify");
        ObjectNode d = value.putObject("data");
        data.forEach(d::put);
        address(a, from, where);
        return a;
    }

    Api.Response post(JsonNode activity) {
        return api.send("POST", "/api/messages", activity.toString(), "application/json", token, Map.of());
    }

    private void address(ObjectNode a, Member from, Conversation where) {
        a.put("channelId", "msteams");
        ObjectNode f = a.putObject("from");
        f.put("id", from.id());
        f.put("name", from.name());
        ObjectNode r = a.putObject("recipient");
        r.put("id", BOT);
        r.put("name", "Helpdesk Verify");
        ObjectNode c = a.putObject("conversation");
        c.put("id", where.type().equals("channel") ? where.id() + ";messageid=" + System.nanoTime() : where.id());
        c.put("conversationType", where.type());
        c.put("tenantId", TENANT);
        c.put("isGroup", !where.type().equals("personal"));
        ObjectNode cd = a.putObject("channelData");
        cd.putObject("tenant").put("id", TENANT);
        if (where.type().equals("channel")) {
            cd.putObject("channel").put("id", where.id());
            cd.putObject("team").put("id", where.id());
        }
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }
}
