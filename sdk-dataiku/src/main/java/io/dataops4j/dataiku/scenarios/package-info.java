/** DSS scenarios: runs with parameters, from the trigger fire to the scenario run, its outcome and steps. */
package io.dataops4j.dataiku.scenarios;
