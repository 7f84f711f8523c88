package io.github.camelportabilling.component;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.internal.MethodNames;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;

/**
 * Calls the PortaBilling JSON API: a producer for every operation on a record type, and a polling consumer that pages a
 * list into one exchange per record.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "portabilling", title = "PortaBilling",
             syntax = "portabilling:service/recordType", category = { Category.API },
             headersClass = PortaBillingConstants.class)
public class PortaBillingEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The API service as the API names it: Account, Customer, DID, ...")
    @Metadata(required = true)
    private String service;

    @UriPath(description = "The record type as the service's methods name it: account, customer, alias, ...")
    @Metadata(required = true)
    private String recordType;

    @UriParam
    private PortaBillingConfiguration configuration;

    @UriParam(label = "producer", enums = "create,get,list,update,delete,terminate,call")
    @Metadata(description = "What the producer does: create (add_{recordType}), get (get_{recordType}_info), list"
                            + " (get_{recordType}_list), update (update_{recordType}), delete (delete_{recordType}),"
                            + " terminate (terminate_{recordType}), or call (any method, see the method option). The header"
                            + " CamelPortaBillingOperation overrides it per message.")
    private PortaBillingOperation operation;

    @UriParam(label = "common")
    @Metadata(description = "The API method to call instead of the one the operation's naming convention gives, e.g."
                            + " get_account_list for a consumer or add_alias for a create; required for operation=call."
                            + " The header CamelPortaBillingMethod overrides it per message.")
    private String method;

    @UriParam(label = "common")
    @Metadata(description = "The key of the answer holding the record (get) or the list (list, consumer), for methods"
                            + " that do not follow the {recordType}_info / {recordType}_list convention (e.g. subscriptions).")
    private String responseKey;

    @UriParam(label = "common")
    @Metadata(description = "The record id field, by default i_{recordType}. Used for the CamelPortaBillingId header,"
                            + " for number bodies of get/delete/terminate, and for the consumer's order and watermark.")
    private String idKey;

    @UriParam(label = "common", defaultValue = "100")
    @Metadata(description = "Records per page (the limit param) of a list, of streamList and of the consumer.")
    private int pageSize = 100;

    @UriParam(label = "producer")
    @Metadata(description = "For list: the body becomes an Iterator over all pages instead of one page; pages are fetched"
                            + " lazily one at a time, so split(body()).streaming() walks any list in constant memory."
                            + " The first page is fetched by the producer, so its errors surface there.")
    private boolean streamList;

    @UriParam(label = "producer")
    @Metadata(description = "For list: ask the server for the total number of matching records (get_total=1); it is set"
                            + " as the CamelPortaBillingTotal header.")
    private boolean includeTotal;

    @UriParam(label = "common", prefix = "filter.", multiValue = true)
    @Metadata(description = "List filters as URI options with the filter. prefix, e.g. filter.bill_status=O or"
                            + " filter.name=Acme%25. They are sent as params of every list call; params in the body"
                            + " take precedence.")
    private Map<String, Object> filter = new LinkedHashMap<>();

    @UriParam(label = "consumer", defaultValue = "full", enums = "full,incremental")
    @Metadata(description = "full: every cycle walks the whole filtered list from the start and delivers every record,"
                            + " then waits delay. incremental: every cycle walks the whole list too (new records can be"
                            + " anywhere in it: no list order is documented) but delivers only records whose id is above"
                            + " the watermark and not delivered before (kept across restarts with a stateRepository).")
    private PortaBillingConsumerMode mode = PortaBillingConsumerMode.full;

    @UriParam(label = "consumer")
    @Metadata(description = "Where the consumer keeps its position (offset, landmark ids, watermark) so that a restarted"
                            + " route resumes where it stopped, e.g. a FileStateRepository bean.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer,advanced")
    @Metadata(description = "The key of this consumer's position in the stateRepository; by default derived from the"
                            + " service, record type, method, mode, filters, server (scheme, host, port), realm and login."
                            + " State saved under the key of version 0.1.0 (without the server) is taken over once.")
    private String stateKey;

    @UriParam(label = "consumer", defaultValue = "3")
    @Metadata(description = "How many times in a row the consumer offers a record whose exchange fails (each failure is"
                            + " a failed poll, so the backoff options apply) before poisonRecordAction decides.")
    private int maxPageAttempts = 3;

    @UriParam(label = "consumer", defaultValue = "skip", enums = "skip,stop")
    @Metadata(description = "What the consumer does with a record that failed maxPageAttempts times in a row: skip it"
                            + " and go on with the list (its failures went to the route's error handler; a WARN names"
                            + " its id), or stop the route with the position left at that record.")
    private PortaBillingPoisonRecordAction poisonRecordAction = PortaBillingPoisonRecordAction.skip;

    @UriParam(label = "common", defaultValue = "true")
    @Metadata(description = "Consumer and streamList: while the route (or the iterator's user) works on a page, the"
                            + " next page is already fetched, so waiting for the server and processing overlap. The"
                            + " next page's boundary is still checked by the identity of the records before it, and the"
                            + " position moves only once a page is done; memory holds two pages instead of one.")
    private boolean prefetch = true;

    @UriParam(label = "common", defaultValue = "1")
    @Metadata(description = "Consumer and streamList: up to this many page fetches in flight at once for a walk of the"
                            + " list (the pages ahead of the one in use are fetched while it is processed), delivered"
                            + " in list order with the same boundary check between pages; a page whose boundary is not"
                            + " where it was expected is fetched again. Puts up to N calls of the walk in flight on"
                            + " the server at once, never more (beside the producers' own); when the server sends no"
                            + " total, a wrong guess of the list's end costs at most N minus 1 empty pages. Memory"
                            + " holds N plus 1 pages; needs maxConnections of at least N. Needs prefetch.")
    private int parallelPages = 1;

    @UriParam(label = "consumer")
    @Metadata(description = "One exchange per page instead of one per record: the body is the page's records as a"
                            + " List of Maps (in incremental mode only the new ones), CamelPortaBillingIds their ids, so a"
                            + " bulk sync pays Camel's per-exchange cost once per page. Delivery is at least once per"
                            + " page: a failed exchange offers the whole page again, and maxPageAttempts and"
                            + " poisonRecordAction apply to the page.")
    private boolean pagePerExchange;

    /** The pause between cycles unless delay says otherwise: a billing server is not a file system to poll. */
    static final long DEFAULT_DELAY = 60_000;

    @UriParam(label = "consumer,scheduler", defaultValue = "60000", javaType = "java.time.Duration")
    @Metadata(description = "Milliseconds between cycles (and before a failed page is tried again); pages within a cycle"
                            + " follow one another at once. Camel's usual 500 ms would re-read a whole list twice a"
                            + " second.")
    private long delay = DEFAULT_DELAY;

    private volatile PortaBillingSession session;
    /** The option names written on this endpoint's URI: explicit connection options win over inherited ones. */
    private java.util.Set<String> uriOptions = java.util.Set.of();

    public PortaBillingEndpoint(String uri, PortaBillingComponent component, PortaBillingConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_DELAY);
    }

    @Override
    public PortaBillingComponent getComponent() {
        return (PortaBillingComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new PortaBillingProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        PortaBillingConsumer consumer = new PortaBillingConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        warnIfUnknownMethod();
    }

    /** The shared session of this endpoint's server and login, started on first use. */
    public PortaBillingSession getSession() {
        PortaBillingSession s = session;
        if (s == null) {
            synchronized (this) {
                s = session;
                if (s == null) {
                    s = getComponent().sessionFor(configuration, this);
                    session = s;
                }
            }
        }
        return s;
    }

    java.util.Set<String> getUriOptions() {
        return uriOptions;
    }

    void setUriOptions(java.util.Set<String> uriOptions) {
        this.uriOptions = uriOptions;
    }

    /** The session if one was already acquired, without acquiring one (for health checks). */
    PortaBillingSession currentSession() {
        return session;
    }

    /** The mapper for POJO bodies: the configured or bound one, else the component's. */
    ObjectMapper pojoMapper() {
        return configuration.getObjectMapper() != null ? configuration.getObjectMapper() : getComponent().defaultMapper();
    }

    /** Checks what can be checked before any call, with messages that name the option. */
    void validate() {
        MethodNames.requireValidName("service", service);
        MethodNames.requireValidName("record type", recordType);
        if (method != null) {
            MethodNames.requireValidName("method", method);
        }
        if (operation == PortaBillingOperation.call && method == null) {
            throw new IllegalArgumentException(
                    "operation=call needs the method option (or the CamelPortaBillingMethod header per message) on "
                                               + URISupport.sanitizeUri(getEndpointUri()));
        }
        if (pageSize <= 0) {
            // text options were checked (and quoted) before binding; this catches values set as objects
            throw new IllegalArgumentException("pageSize must be > 0, got " + pageSize);
        }
        if (maxPageAttempts <= 0) {
            throw new IllegalArgumentException("maxPageAttempts must be > 0, got " + maxPageAttempts);
        }
        if (parallelPages <= 0) {
            throw new IllegalArgumentException("parallelPages must be > 0, got " + parallelPages);
        }
        if (parallelPages > 1 && !prefetch) {
            throw new IllegalArgumentException("parallelPages=" + parallelPages + " fetches pages ahead while a page is"
                                               + " processed, which prefetch=false forbids: drop one of the two options");
        }
        if (parallelPages > configuration.getMaxConnections()) {
            throw new IllegalArgumentException("parallelPages=" + parallelPages + " needs as many connections, but"
                                               + " maxConnections is " + configuration.getMaxConnections()
                                               + ": raise maxConnections or lower parallelPages");
        }
        io.github.camelportabilling.component.internal.ApiDescriptionLocation.parse(configuration.getApiDescription());
        for (Map.Entry<String, Object> f : filter.entrySet()) {
            MethodNames.requireValidName("filter name (filter." + f.getKey() + ")", f.getKey());
        }
    }

    private void warnIfUnknownMethod() {
        String name = method;
        if (name == null && operation != null && operation != PortaBillingOperation.call) {
            name = MethodNames.methodFor(operation, recordType);
        }
        if (name != null) {
            getComponent().warnOnceIfUnknown(service, name);
        }
    }

    @Override
    public String getServiceUrl() {
        return (configuration.isUseHttps() ? "https" : "http") + "://" + configuration.getHost() + ":"
               + configuration.effectivePort() + "/rest/" + service;
    }

    @Override
    public String getServiceProtocol() {
        return configuration.isUseHttps() ? "https" : "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getLogin() != null ? Map.of("username", configuration.getLogin()) : null;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getRecordType() {
        return recordType;
    }

    public void setRecordType(String recordType) {
        this.recordType = recordType;
    }

    public PortaBillingConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(PortaBillingConfiguration configuration) {
        this.configuration = configuration;
    }

    public PortaBillingOperation getOperation() {
        return operation;
    }

    public void setOperation(PortaBillingOperation operation) {
        this.operation = operation;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getResponseKey() {
        return responseKey;
    }

    public void setResponseKey(String responseKey) {
        this.responseKey = responseKey;
    }

    public String getIdKey() {
        return idKey;
    }

    public void setIdKey(String idKey) {
        this.idKey = idKey;
    }

    /** The id field in effect: the idKey option or i_<recordType>. */
    public String effectiveIdKey() {
        return idKey != null ? idKey : MethodNames.idKey(recordType);
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public boolean isStreamList() {
        return streamList;
    }

    public void setStreamList(boolean streamList) {
        this.streamList = streamList;
    }

    public boolean isIncludeTotal() {
        return includeTotal;
    }

    public void setIncludeTotal(boolean includeTotal) {
        this.includeTotal = includeTotal;
    }

    public Map<String, Object> getFilter() {
        return filter;
    }

    public void setFilter(Map<String, Object> filter) {
        this.filter = filter;
    }

    public PortaBillingConsumerMode getMode() {
        return mode;
    }

    public void setMode(PortaBillingConsumerMode mode) {
        this.mode = mode;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public int getMaxPageAttempts() {
        return maxPageAttempts;
    }

    public void setMaxPageAttempts(int maxPageAttempts) {
        this.maxPageAttempts = maxPageAttempts;
    }

    public PortaBillingPoisonRecordAction getPoisonRecordAction() {
        return poisonRecordAction;
    }

    public void setPoisonRecordAction(PortaBillingPoisonRecordAction poisonRecordAction) {
        this.poisonRecordAction = poisonRecordAction;
    }

    public boolean isPrefetch() {
        return prefetch;
    }

    public void setPrefetch(boolean prefetch) {
        this.prefetch = prefetch;
    }

    public int getParallelPages() {
        return parallelPages;
    }

    public void setParallelPages(int parallelPages) {
        this.parallelPages = parallelPages;
    }

    public boolean isPagePerExchange() {
        return pagePerExchange;
    }

    public void setPagePerExchange(boolean pagePerExchange) {
        this.pagePerExchange = pagePerExchange;
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    @Override
    protected String createEndpointUri() {
        return "portabilling:" + service + "/" + recordType;
    }

    @Override
    public String toString() {
        return "PortaBillingEndpoint[" + URISupport.sanitizeUri(getEndpointUri()) + "]";
    }
}
