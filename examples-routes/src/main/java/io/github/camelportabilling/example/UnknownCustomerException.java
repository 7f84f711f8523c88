package io.github.camelportabilling.example;

/** An account file names a customer that does not exist (or is ambiguous): the record goes to the error folder. */
public class UnknownCustomerException extends RuntimeException {

    public UnknownCustomerException(String message) {
        super(message);
    }
}
