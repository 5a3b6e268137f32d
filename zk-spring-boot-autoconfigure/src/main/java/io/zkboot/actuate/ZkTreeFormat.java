package io.zkboot.actuate;

import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The forms {@code /actuator/zktree} answers in, chosen by the request's Accept header.
 */
public enum ZkTreeFormat implements Producible<ZkTreeFormat> {

	/**
	 * Nested JSON nodes (the default).
	 */
	JSON(MimeTypeUtils.parseMimeType("application/json")),

	/**
	 * zc.zk's tree text format, as the exporter writes it.
	 */
	TEXT(MimeTypeUtils.parseMimeType("text/plain;charset=UTF-8"));

	private final MimeType mimeType;

	ZkTreeFormat(MimeType mimeType) {
		this.mimeType = mimeType;
	}

	@Override
	public MimeType getProducedMimeType() {
		return this.mimeType;
	}

	@Override
	public boolean isDefault() {
		return this == JSON;
	}

}
