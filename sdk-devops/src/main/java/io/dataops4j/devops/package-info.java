/** Azure DevOps: releases, pipelines, builds; Logic App triggers; the Model Registry webhook relay. */
package io.dataops4j.devops;
