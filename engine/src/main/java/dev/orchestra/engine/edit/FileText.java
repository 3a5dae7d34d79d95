package dev.orchestra.engine.edit;

/**
 * A text file as edits see it: the body with '\n' line breaks, plus what it takes to write it back
 * the way it was (CRLF line breaks, and whether it ended with a line break).
 */
record FileText(String body, boolean crlf, boolean trailingNewline) {

    /** Reads a file's text; a file counts as CRLF only when every line break in it is CRLF. */
    static FileText parse(String raw) {
        boolean crlf = raw.contains("\r\n") && raw.replace("\r\n", "").indexOf('\n') < 0;
        String body = crlf ? raw.replace("\r\n", "\n") : raw;
        return new FileText(body, crlf, body.endsWith("\n"));
    }

    /** A new file's text: as the agent wrote it, ending with a line break. */
    static FileText created(String content) {
        FileText text = parse(content);
        return new FileText(text.body, text.crlf, !text.body.isEmpty()).withBody(text.body);
    }

    /** The same file with a new body, keeping its line breaks and its trailing-newline state. */
    FileText withBody(String newBody) {
        String body = newBody;
        if (trailingNewline && !body.isEmpty() && !body.endsWith("\n")) {
            body += "\n";
        } else if (!trailingNewline && body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        return new FileText(body, crlf, trailingNewline);
    }

    String raw() {
        return crlf ? body.replace("\n", "\r\n") : body;
    }
}
