package dev.orchestra.engine.forge;

import dev.orchestra.engine.BadInputException;

/**
 * The forge refused a request for a reason the user has to fix (400, 401, 403, 404, 409, 422): bad input, exit 2. The
 * message is one line naming the forge, the status, what was refused, and the forge's own words.
 */
public final class ForgeRefusal extends BadInputException {
    private final int status;

    public ForgeRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
