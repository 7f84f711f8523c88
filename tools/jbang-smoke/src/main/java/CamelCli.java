/** camel-jbang-core has no main method of its own: this is the `camel` command. */
public class CamelCli {
    public static void main(String[] args) {
        org.apache.camel.dsl.jbang.core.commands.CamelJBangMain.run(args);
    }
}
