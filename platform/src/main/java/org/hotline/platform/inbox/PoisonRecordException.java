package org.hotline.platform.inbox;

/**
 * A record that can never be processed as it is: it goes to the dead-letter topic and consumption goes on. The
 * message names the record and the failure's type only; SmallRye copies it into the dead-letter headers.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message, null, false, false);
    }
}
