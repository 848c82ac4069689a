"""What publishing adds to the built languages: share pages and their cards, sitemaps and
robots.txt, the security policy, the root pages, and the swap of the new site into place."""
