package dev.orchestra.engine.bundle;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** The mbox header and message of one patch, as {@code git format-patch} writes them. */
final class MailHeaders {
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

    private MailHeaders() {}

    /** From line, From, Date, Subject, MIME headers, blank line, then the body (if any). */
    static String of(RevCommit commit, int number, int total) {
        PersonIdent author = commit.getAuthorIdent();
        String prefix = total == 1 ? "[PATCH] " : "[PATCH " + number + "/" + total + "] ";
        StringBuilder text = new StringBuilder()
                .append("From ").append(commit.name()).append(" Mon Sep 17 00:00:00 2001\n")
                .append("From: ").append(encode(author.getName())).append(" <").append(author.getEmailAddress()).append(">\n")
                .append("Date: ").append(date(author)).append('\n')
                .append("Subject: ").append(encode(prefix + commit.getShortMessage())).append('\n')
                .append("MIME-Version: 1.0\n")
                .append("Content-Type: text/plain; charset=UTF-8\n")
                .append("Content-Transfer-Encoding: 8bit\n")
                .append('\n');
        String body = body(commit.getFullMessage());
        if (!body.isEmpty()) {
            text.append(body).append('\n');
        }
        return text.toString();
    }

    static String date(PersonIdent ident) {
        return ZonedDateTime.ofInstant(ident.getWhenAsInstant(), ident.getZoneId()).format(RFC_2822);
    }

    /** The message after its subject paragraph, trimmed. */
    static String body(String message) {
        int end = message.indexOf("\n\n");
        if (end < 0) {
            return "";
        }
        return message.substring(end + 2).strip();
    }

    /** RFC 2047 encoded word for text that is not plain ASCII, so {@code git am} restores it exactly. */
    static String encode(String text) {
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return text;
        }
        StringBuilder encoded = new StringBuilder("=?UTF-8?q?");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == ' ') {
                encoded.append('_');
            } else if (Character.isLetterOrDigit(c) && c < 0x80) {
                encoded.append((char) c);
            } else {
                encoded.append(String.format("=%02X", c));
            }
        }
        return encoded.append("?=").toString();
    }
}
