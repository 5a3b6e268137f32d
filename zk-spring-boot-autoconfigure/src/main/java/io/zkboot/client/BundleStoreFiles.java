package io.zkboot.client;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * The key and trust stores of an SSL bundle, written to PKCS12 files that only the owner
 * may read, for ZooKeeper's client, which takes TLS material from files only. The key store
 * holds the bundle's key entries (the one of its key alias, when it names one), the trust
 * store its trusted certificates. Bundles of equal content share their files, so that two
 * clients built from the same bundle have equal {@link ZkTlsConfig}s (and the application may
 * keep the {@code zk:} loader's session); the files are deleted when the JVM exits.
 *
 * @param keyStore the key store file, {@code null} when the bundle has no key
 * @param trustStore the trust store file, {@code null} when the bundle trusts nothing of its
 * own
 * @param password the password of both files and of their keys, random
 */
record BundleStoreFiles(Path keyStore, Path trustStore, String password) {

	private static final Map<String, BundleStoreFiles> written = new ConcurrentHashMap<>();

	/**
	 * The files of a bundle's stores, written when no bundle of equal content was.
	 * @param bundle the bundle
	 * @return its files
	 */
	static BundleStoreFiles of(SslBundle bundle) {
		try {
			List<Entry> keys = keys(bundle.getStores(), bundle.getKey());
			List<Entry> trusted = trusted(bundle.getStores().getTrustStore());
			return written.computeIfAbsent(fingerprint(keys, trusted), (fingerprint) -> write(keys, trusted));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Cannot read the key and trust stores of the ZooKeeper client's SSL bundle " + bundle + ": " + ex,
					ex);
		}
	}

	private static List<Entry> keys(SslStoreBundle stores, SslBundleKey key) throws GeneralSecurityException {
		KeyStore source = stores.getKeyStore();
		List<Entry> keys = new ArrayList<>();
		if (source == null) {
			return keys;
		}
		if (key.getAlias() != null) {
			key.assertContainsAlias(source);
		}
		// the key's password, else the store's, as Boot's key managers take it
		String password = (key.getPassword() != null) ? key.getPassword() : stores.getKeyStorePassword();
		char[] passwordChars = (password != null) ? password.toCharArray() : null;
		for (String alias : aliases(source)) {
			if (source.isKeyEntry(alias) && (key.getAlias() == null || key.getAlias().equals(alias))) {
				keys.add(new Entry(alias, source.getKey(alias, passwordChars), source.getCertificateChain(alias)));
			}
		}
		return keys;
	}

	private static List<Entry> trusted(KeyStore source) throws GeneralSecurityException {
		List<Entry> trusted = new ArrayList<>();
		if (source == null) {
			return trusted;
		}
		for (String alias : aliases(source)) {
			// the JDK's trust managers trust the first certificate of a key entry too
			Certificate certificate = source.isCertificateEntry(alias) ? source.getCertificate(alias)
					: source.getCertificateChain(alias)[0];
			trusted.add(new Entry(alias, null, new Certificate[] { certificate }));
		}
		return trusted;
	}

	private static List<String> aliases(KeyStore store) throws GeneralSecurityException {
		List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
		Collections.sort(aliases);
		return aliases;
	}

	private static String fingerprint(List<Entry> keys, List<Entry> trusted) throws GeneralSecurityException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (List<Entry> entries : List.of(keys, trusted)) {
			digest.update((byte) entries.size());
			for (Entry entry : entries) {
				digest.update(entry.alias().getBytes(StandardCharsets.UTF_8));
				if (entry.key() != null) {
					digest.update(entry.key().getEncoded());
				}
				for (Certificate certificate : entry.chain()) {
					digest.update(certificate.getEncoded());
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static BundleStoreFiles write(List<Entry> keys, List<Entry> trusted) {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		return new BundleStoreFiles(write(keys, "zk-tls-key-", password), write(trusted, "zk-tls-trust-", password),
				password);
	}

	private static Path write(List<Entry> entries, String prefix, String password) {
		if (entries.isEmpty()) {
			return null;
		}
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			for (Entry entry : entries) {
				if (entry.key() != null) {
					store.setKeyEntry(entry.alias(), entry.key(), password.toCharArray(), entry.chain());
				}
				else {
					store.setCertificateEntry(entry.alias(), entry.chain()[0]);
				}
			}
			Path file = ownerOnlyTempFile(prefix);
			file.toFile().deleteOnExit();
			try (OutputStream out = Files.newOutputStream(file)) {
				store.store(out, password.toCharArray());
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write a TLS store file for the ZooKeeper client", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot write a TLS store file for the ZooKeeper client", ex);
		}
	}

	private static Path ownerOnlyTempFile(String prefix) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return Files.createTempFile(prefix, ".p12",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Path file = Files.createTempFile(prefix, ".p12");
		File asFile = file.toFile();
		asFile.setReadable(false, false);
		asFile.setWritable(false, false);
		asFile.setReadable(true, true);
		asFile.setWritable(true, true);
		return file;
	}

	@Override
	public String toString() {
		return "key store " + this.keyStore + ", trust store " + this.trustStore;
	}

	/**
	 * An entry of a store: a key with its certificate chain, or a trusted certificate.
	 */
	private record Entry(String alias, Key key, Certificate[] chain) {

	}

}
