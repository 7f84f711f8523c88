package io.github.camelportabilling.simulator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code CDR/get_call_recording}: a method that answers a file. Every {@code i_xdr} from 1 to {@value #XDRS} has a
 * recording, a short silent WAV file whose length depends on the id (so tests can tell answers apart); other ids
 * answer {@code Server.CDR.xdr_not_found}, the fault code real servers use. The real method's params are not
 * documented publicly beyond {@code i_xdr}; the simulator takes only that.
 */
final class RecordingService {

    static final int XDRS = 1000;
    private static final int SAMPLE_RATE = 8000;

    void register(ApiDispatcher d) {
        d.register("CDR/get_call_recording", r -> {
            long xdr = FieldValues.requireLong(r.params, "i_xdr");
            if (xdr < 1 || xdr > XDRS) {
                throw new RecordNotFoundException("CDR", "xdr", "There is no call recording for i_xdr " + xdr);
            }
            return new FileAnswer("audio/wav", "recording_" + xdr + ".wav", silence((int) xdr));
        });
    }

    /** A valid 8 kHz 8-bit mono WAV of {@code 100 + xdr} samples of silence. */
    static byte[] silence(int xdr) {
        int samples = 100 + xdr;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE).putShort((short) 1).putShort((short) 8);
        wav.put("data".getBytes()).putInt(samples);
        for (int i = 0; i < samples; i++) {
            wav.put((byte) 0x80);
        }
        return wav.array();
    }
}
