package io.zkboot.tree;

/** The tree texts of the zc.zk README (seed 002). */
final class SeedTrees {

	static final String FIRST = """
            /lb : ipvs
              /pools
                /cms
                  # The address is fixed because it's
                  # exposed externally
                  address = '1.2.3.4:80'
                  providers -> /cms/providers
                /retail
                  address = '1.2.3.5:80'
                  providers -> /cms/providers

            /cms : z4m cms
              threads = 3
              /providers
              /databases
                /main
                  /providers

            /retail : z4m retail
              threads = 1
              /providers
              /databases
                main -> /cms/databases/main
                /ugc
                  /providers
            """;

	static final String FIRST_EXPORTED = """
            /cms : z4m cms
              threads = 3
              /databases
                /main
                  /providers
              /providers
            /lb : ipvs
              /pools
                /cms
                  address = '1.2.3.4:80'
                  providers -> /cms/providers
                /retail
                  address = '1.2.3.5:80'
                  providers -> /cms/providers
            /retail : z4m retail
              threads = 1
              /databases
                main -> /cms/databases/main
                /ugc
                  /providers
              /providers
            """;

	static final String UPDATED = """
            /lb : ipvs
              /pools
                /cms
                  # The address is fixed because it's
                  # exposed externally
                  address = '1.2.3.4:80'
                  providers -> /cms/providers

            /cms : z4m cms
              threads = 4
              /providers
              /databases
                /main
                  /providers
            """;

	static final String RELATIVE_LINKS = """
            /a
              /b
                l -> c
                l2 -> ../c
                /c
              /c
            """;

	static final String PROPERTY_LINKS = """
            /cms : z4m cms
              threads => /fooservice threads
              /databases
                /main
                  /providers
              /providers
            /fooservice
              secret = u'1234'
              threads = 3
              /providers
            /lb : ipvs
              /pools
                /cms
                  address = u'1.2.3.4:80'
                  providers -> /cms/providers
            """;

	private SeedTrees() {
	}
}
