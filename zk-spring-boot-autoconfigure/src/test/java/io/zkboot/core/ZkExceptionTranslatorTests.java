package io.zkboot.core;

import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZkExceptionTranslatorTests {

	@Test
	void eachCodeBecomesItsSubclassKeepingPathAndCause() {
		assertTranslated(KeeperException.Code.NONODE, ZkNoNodeException.class);
		assertTranslated(KeeperException.Code.NODEEXISTS, ZkNodeExistsException.class);
		assertTranslated(KeeperException.Code.BADVERSION, ZkBadVersionException.class);
		assertTranslated(KeeperException.Code.NOTEMPTY, ZkNotEmptyException.class);
		assertTranslated(KeeperException.Code.NOAUTH, ZkNoAuthException.class);
		assertTranslated(KeeperException.Code.CONNECTIONLOSS, ZkConnectionLossException.class);
		assertTranslated(KeeperException.Code.SESSIONEXPIRED, ZkSessionExpiredException.class);
		assertTranslated(KeeperException.Code.OPERATIONTIMEOUT, ZkOperationTimeoutException.class);
		assertTranslated(KeeperException.Code.NOCHILDRENFOREPHEMERALS, ZkException.class);
	}

	@Test
	void otherExceptionsAreWrapped() {
		ZkException same = new ZkNoNodeException("m", "/p", null);
		assertThat(ZkExceptionTranslator.translate(same, "/q")).isSameAs(same);
		ZkException interrupted = ZkExceptionTranslator.translate(new InterruptedException(), "/p");
		assertThat(interrupted).isInstanceOf(ZkInterruptedException.class);
		assertThat(Thread.interrupted()).isTrue();
		assertThat(ZkExceptionTranslator.translate(new IllegalArgumentException("bad"), "x"))
			.isInstanceOf(ZkInvalidPathException.class)
			.hasMessage("invalid path x: bad");
		ZkException other = ZkExceptionTranslator.translate(new java.io.IOException("io"), null);
		assertThat(other.getClass()).isEqualTo(ZkException.class);
		assertThat(other.getCode()).isNull();
		assertThat(other).hasCauseInstanceOf(java.io.IOException.class);
	}

	private static void assertTranslated(KeeperException.Code code, Class<? extends ZkException> type) {
		KeeperException cause = KeeperException.create(code, "/server/path");
		ZkException ex = ZkExceptionTranslator.translate(cause, "/fallback");
		assertThat(ex).isExactlyInstanceOf(type).hasCause(cause);
		assertThat(ex.getPath()).isEqualTo("/server/path");
		assertThat(ex.getCode()).isEqualTo(code);
		assertThat(ex.getMessage()).endsWith(": /server/path");
		assertThat(ZkExceptionTranslator.translate(code, "/p", null).getCause()).isInstanceOf(KeeperException.class);
	}

}
