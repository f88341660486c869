<?xml version="1.0" encoding="UTF-8"?>
<!-- Persons, places or organisations ($kind): every authority entry with its forms and how
     many cables and passages mention it (cg:cables, cg:passages: counted when the corpus
     of summaries is read), linked to the entry's own page (entity.xsl), which lists them. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="entry.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="kind" select="'person'"/>
  <xsl:variable name="heading">
    <xsl:choose>
      <xsl:when test="$kind = 'place'"><xsl:call-template name="msg"><xsl:with-param name="key">nav.places</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$kind = 'org'"><xsl:call-template name="msg"><xsl:with-param name="key">nav.orgs</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">nav.persons</xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="page">
    <xsl:choose>
      <xsl:when test="$kind = 'place'">places.html</xsl:when>
      <xsl:when test="$kind = 'org'">orgs.html</xsl:when>
      <xsl:otherwise>persons.html</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$heading"/>
      <xsl:with-param name="current" select="$page"/>
      <xsl:with-param name="main">
        <h1><xsl:value-of select="$heading"/></h1>
        <xsl:for-each select="//cg:authority//tei:*[local-name() = $kind][@xml:id]">
          <!-- by surname where the preferred name marks one ("Stalin Joseph Stalin") -->
          <xsl:sort select="normalize-space(concat(*[@type='preferred'][@xml:lang='en']/tei:surname, ' ', *[@type='preferred'][@xml:lang='en']))"/>
          <xsl:variable name="entry" select="@xml:id"/>
          <section class="entry" id="{$entry}" aria-labelledby="{$entry}-h">
            <h2 id="{$entry}-h"><xsl:call-template name="entry-name"/></h2>
            <xsl:call-template name="entry-details"/>
            <xsl:choose>
              <xsl:when test="@cg:passages">
                <p class="mentioned">
                  <a>
                    <xsl:attribute name="href"><xsl:call-template name="entry-page"/></xsl:attribute>
                    <xsl:variable name="passages"><xsl:call-template name="msg"><xsl:with-param name="key">count.passages</xsl:with-param><xsl:with-param name="count" select="@cg:passages"/></xsl:call-template></xsl:variable>
                    <xsl:call-template name="msg"><xsl:with-param name="key">entry.mentioned-in</xsl:with-param><xsl:with-param name="count" select="@cg:cables"/><xsl:with-param name="p1" select="$passages"/></xsl:call-template>
                  </a>
                </p>
              </xsl:when>
              <xsl:otherwise><p class="none"><xsl:call-template name="msg"><xsl:with-param name="key">entry.not-mentioned</xsl:with-param></xsl:call-template></p></xsl:otherwise>
            </xsl:choose>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
