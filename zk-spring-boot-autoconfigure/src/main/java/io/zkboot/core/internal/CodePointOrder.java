package io.zkboot.core.internal;

import java.util.Comparator;

/**
 * Orders names by Unicode code point, as zc.zk (Python) sorts node and property names.
 * It differs from {@link String#compareTo} only for characters outside the Basic Multilingual
 * Plane.
 */
public final class CodePointOrder {

	/** The code point order of strings. */
	public static final Comparator<String> NAMES = CodePointOrder::compare;

	private CodePointOrder() {
	}

	private static int compare(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int ca = a.codePointAt(i);
			int cb = b.codePointAt(j);
			if (ca != cb) {
				return Integer.compare(ca, cb);
			}
			i += Character.charCount(ca);
			j += Character.charCount(cb);
		}
		return Boolean.compare(i < a.length(), j < b.length());
	}
}
