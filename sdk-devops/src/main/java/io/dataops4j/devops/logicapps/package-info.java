/** Logic App HTTP triggers: their callback URL (through ARM) and invoking it. */
package io.dataops4j.devops.logicapps;
