package io.awsinventory.run;

import io.awsinventory.InventoryException;
import io.awsinventory.auth.Sessions;
import io.awsinventory.collect.Pages;
import io.awsinventory.discovery.ListedAccount;
import io.awsinventory.discovery.OrganizationAccounts;
import io.awsinventory.transport.AwsClients;
import io.awsinventory.transport.ErrorClassifier;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Lists the organization's accounts (or those of the organizational units asked for), handing each
 * on as its page arrives; a listing that fails ends the run with the exit code of its cause.
 */
final class OrganizationListing {
  private OrganizationListing() {}

  static List<ListedAccount> list(
      RunConfig config, AwsClients clients, Sessions sessions, Consumer<ListedAccount> onListed) {
    try (OrganizationsClient organizations =
        clients.organizations(sessions.masterCredentials(), sessions.partition())) {
      return OrganizationAccounts.list(
          organizations, config.access().scope().organizationalUnits(), onListed);
    } catch (Pages.LoopException e) {
      throw InventoryException.nothingCollected(
          "the organization's account listing failed: "
              + e.getMessage()
              + "; the files of the previous run are unchanged");
    } catch (SdkException e) {
      // credentials that fail their check fail the listing too: the check's failure says why
      sessions.hops();
      NetworkFailure.of(config, "organizations", e)
          .ifPresent(
              unreachable -> {
                throw unreachable;
              });
      ErrorClassifier.Classified failure = ErrorClassifier.classify(e);
      String needed =
          config.access().organizationalUnits().isEmpty()
              ? "organizations:ListAccounts"
              : "organizations:ListAccountsForParent and"
                  + " organizations:ListOrganizationalUnitsForParent";
      throw InventoryException.authentication(
          "listing the organization's accounts failed ("
              + needed
              + ", as "
              + sessions.masterIdentity().arn()
              + "): "
              + failure.code()
              + ": "
              + failure.message(),
          e);
    }
  }
}
