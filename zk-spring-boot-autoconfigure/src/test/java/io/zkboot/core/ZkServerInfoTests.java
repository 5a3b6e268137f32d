package io.zkboot.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ZkServerInfoTests extends ZkServerSupport {

	@Test
	void serverVersionComesFromSrvr() {
		ZkServerVersion version = this.template.serverVersion();
		assertThat(version.major()).isEqualTo(3);
		assertThat(version.minor()).isEqualTo(9);
		assertThat(version.patch()).isEqualTo(4);
		assertThat(version.full()).startsWith("3.9.4");
		assertThat(version).hasToString(version.full());
	}

	@Test
	void commandSendsAFourLetterWordToTheCurrentServer() {
		assertThat(this.template.command("srvr")).contains("Zookeeper version: 3.9.4").contains("Mode: standalone");
		assertThat(this.template.command("ruok")).isEqualTo("imok");
		assertThat(new ZkServerInfo(this.client, java.time.Duration.ofSeconds(1)).currentServer().getPort())
			.isEqualTo(server.port());
	}

	@Test
	void onlyFourLetterWordsAreSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.command("status"));
	}

}
