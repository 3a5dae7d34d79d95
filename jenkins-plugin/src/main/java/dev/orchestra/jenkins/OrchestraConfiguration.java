package dev.orchestra.jenkins;

import dev.orchestra.jenkins.form.FormChecks;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every {@code orchestrate} step: the model, its base URL, the key's credential, and a price table.
 * Configured under Manage Jenkins » System, or with JCasC under {@code unclassified: orchestra:}.
 */
@Extension
@Symbol("orchestra")
public class OrchestraConfiguration extends GlobalConfiguration {
    private String model;
    private String baseUrl;
    private String credentialsId;
    private String prices;

    public OrchestraConfiguration() {
        load();
    }

    public static OrchestraConfiguration get() {
        return ExtensionList.lookupSingleton(OrchestraConfiguration.class);
    }

    public String getModel() { return model; }
    public String getBaseUrl() { return baseUrl; }
    public String getCredentialsId() { return credentialsId; }
    /** Per-model prices in US dollars per million tokens, YAML as under {@code prices:} in .orchestra/config.yml. */
    public String getPrices() { return prices; }

    @DataBoundSetter
    public void setModel(String model) {
        this.model = model;
        save();
    }

    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        save();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId;
        save();
    }

    @DataBoundSetter
    public void setPrices(String prices) {
        this.prices = prices;
        save();
    }

    @Override
    public String getDisplayName() {
        return StepTexts.get("OrchestraConfiguration.DisplayName");
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        return ApiKeyCredentials.choices(null, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        return ApiKeyCredentials.check(null, value);
    }

    @POST
    public FormValidation doCheckModel(@QueryParameter String value) {
        return ApiKeyCredentials.mayConfigure(null) ? FormValidationOf.problem(FormChecks.model(value)) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckPrices(@QueryParameter String value) {
        return ApiKeyCredentials.mayConfigure(null) ? FormValidationOf.problem(FormChecks.prices(value)) : FormValidation.ok();
    }
}
